// Writes docs/features.md from the indicator registry (`npm run docs:features`).
import { writeFileSync } from 'node:fs';
import { featureReferenceMarkdown } from '../src/lib/core/indicators/feature-reference';
import { INDICATORS, RELATIONS } from '../src/lib/core/indicators/registry';

writeFileSync('docs/features.md', featureReferenceMarkdown([...INDICATORS, ...RELATIONS]));
console.log(`docs/features.md: ${INDICATORS.length + RELATIONS.length} indicators`);
