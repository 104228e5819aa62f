// The ONNX page's worker: a thin comlink adapter over $lib/ml/onnx (onnxruntime-web, WebGPU or WASM).
import * as Comlink from 'comlink';
import { createOnnxApi } from '$lib/ml/onnx/onnx-api';
import { loadOrtRuntime } from '$lib/ml/onnx/onnx-runtime';

Comlink.expose(createOnnxApi(loadOrtRuntime));
