import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts } from './document-headers';

describe('inlineScripts', () => {
	it('returns the bodies of inline scripts only, byte for byte', () => {
		const html =
			'<script src="/a.js"></script><script>\n\tboot();\n</script><script type="module">x()</script>';
		expect(inlineScripts(html)).toEqual(['\n\tboot();\n', 'x()']);
	});
});

describe('contentSecurityPolicy', () => {
	it('admits hashed inline scripts, forbids eval, plugins and framing', () => {
		const csp = contentSecurityPolicy(['abc=']);
		expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
		expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
	});
});
