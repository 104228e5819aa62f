import { FeaturePipelineRequest, FeaturePipelineResponse } from '../../../src/lib/core/protocol';
import type { AppContext } from '../context';
import type { Router } from '../http/router';
import type { RouteDoc } from '../openapi/route-doc';
import { createFeaturePipeline } from './features';

/** Registers the features routes on the API router. */
export function mountFeatures(router: Router<AppContext>): Router<AppContext> {
	return router.on('POST', '/api/v1/features/pipeline', createFeaturePipeline);
}

/** OpenAPI descriptions of the routes mounted above. */
export const featuresRouteDocs: RouteDoc[] = [
	{
		method: 'POST',
		path: '/api/v1/features/pipeline',
		summary:
			'Validate and record a feature pipeline (indicators from the registry, expressions, labels). ' +
			'Inline bars (≤ 10,000) are computed at once (200, processing_status "completed", result ' +
			'included); a dataset reference is recorded for the browser to compute (202, "accepted"). ' +
			'400 names the offending transformation; 413 above 2 MiB or 10,000 bars.',
		tag: 'features',
		auth: 'token',
		permission: 'features:run',
		body: FeaturePipelineRequest,
		response: FeaturePipelineResponse,
		status: 200
	}
];
