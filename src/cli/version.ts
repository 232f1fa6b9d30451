// The tool version (SARIF output, --version, and part of every cache key).
import pkg from '../../package.json';

export const VERSION: string = pkg.version;
