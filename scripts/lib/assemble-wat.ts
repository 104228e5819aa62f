import wabtInit from 'wabt';

/** WebAssembly text → binary with wabt (the WebAssembly binary toolkit), validated. */
export async function assembleWat(name: string, text: string): Promise<Uint8Array> {
	const wabt = await wabtInit();
	const module = wabt.parseWat(name, text);
	try {
		module.validate();
		return module.toBinary({ log: false, write_debug_names: false }).buffer;
	} finally {
		module.destroy();
	}
}
