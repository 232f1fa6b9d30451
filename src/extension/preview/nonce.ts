// A fresh script nonce for every page we build: 128 random bits from the platform's CSPRNG (Web Crypto,
// present in Node 20 and in web workers), never Math.random.

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
