// Present so Next does not pick up the app's instrumentation.ts from the repository root (it did:
// the floor then started the app's job worker and webhook lane). The floor runs nothing at start.
export function register() {}
