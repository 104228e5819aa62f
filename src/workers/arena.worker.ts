// The arena worker: a thin adapter exposing battle sessions, imported models and Monte-Carlo chunks
// over comlink.
import * as Comlink from 'comlink';
import { createModelLoader } from '$lib/ml/model-loader';
import { loadOrtRuntime } from '$lib/ml/onnx/onnx-runtime';
import { createArenaApi } from '$lib/pipeline/arena-api';
import { openDb } from '$lib/store/db';

Comlink.expose(createArenaApi(openDb, createModelLoader(loadOrtRuntime)));
