// Modules the ad-provider integration (src/publish/ads/ad-provider.ts) makes.

declare module 'virtual:ad-provider' {
  /** The adapter module astro.config.mjs names; without one, a provider that never fills. */
  const provider: import('./provider.ts').AdProvider;
  export default provider;
}

declare module 'virtual:ad-provider/settings' {
  /** Whether astro.config.mjs names a provider, and ad slots ship its loader. */
  export const adProviderConfigured: boolean;
}
