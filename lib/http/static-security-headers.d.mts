// Types for static-security-headers.mjs (plain JS so that next.config.mjs can import it).
export declare const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare const API_CONTENT_SECURITY_POLICY: string;
