export * from './access-token';
export * from './base64url';
export * from './provider-message.verifier';
export * from './provider-message.signer';
export * from './identity.events';
export * from './provider-key.http-registry';
export * from './institution-directory.internal-api';
