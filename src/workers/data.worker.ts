// The data worker: a thin adapter exposing the data pipeline over comlink.
import * as Comlink from 'comlink';
import { createDataApi } from '$lib/pipeline/data-api';
import { openDb } from '$lib/store/db';

Comlink.expose(createDataApi(openDb, () => (self.navigator as Navigator).gpu));
