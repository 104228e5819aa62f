// The arena worker: a thin adapter exposing battle sessions and Monte-Carlo chunks over comlink.
import * as Comlink from 'comlink';
import { createArenaApi } from '$lib/pipeline/arena-api';
import { openDb } from '$lib/store/db';

Comlink.expose(createArenaApi(openDb));
