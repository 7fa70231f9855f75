export * from './access-token';
export * from './base64url';
export * from './provider-message.verifier';
export * from './provider-message.signer';
export * from './identity.events';
export * from './provider-key.http-registry';
export * from './identity.events.v1';
export * from './challenge-ref';
