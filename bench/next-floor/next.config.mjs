// The P1 "bare Next" floor (bench/README in bench/RESULTS.md): a separate, minimal Next app with one
// route handler at the join callback's path that reads the body and answers fixed bytes. It exists
// only here, built by the bench on demand, so the product never ships a no-op route; served by the
// same production server as the app, it shows what Next's own request pipeline costs per request.
/** @type {import('next').NextConfig} */
const nextConfig = { poweredByHeader: false, reactStrictMode: true };

export default nextConfig;
