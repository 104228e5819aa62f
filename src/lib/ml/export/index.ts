export {
	exportNativeModel,
	importNativeModel,
	WEIGHTS_FILE,
	type NativeModelBundle
} from './native-model-bundle';
export { nativePredictor } from './native-predictor';
