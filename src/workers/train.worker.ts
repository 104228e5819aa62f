// The train worker: a thin adapter exposing experiment runs (tfjs + backtest) over comlink.
import * as Comlink from 'comlink';
import { createTrainApi } from '$lib/pipeline/train-api';
import { openDb } from '$lib/store/db';

Comlink.expose(createTrainApi(openDb));
