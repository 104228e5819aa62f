#!/usr/bin/env node
// The `axon` command: registers tsx so the CLI can run the project's TypeScript modules directly,
// then hands over to cli/main.ts. tsconfig loading is off: the CLI's import graph uses relative
// paths only, and a user's own tsconfig in the working directory must not change how it compiles.
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text)
});
