// Types of webBundle.mjs for the TypeScript tests that import it.
import type { BuildOptions } from 'esbuild';

export declare const webExtensionTarget: BuildOptions & { outfile: string };
export declare const webTestsTarget: BuildOptions & { outfile: string };
