import type { MetadataRoute } from "next";

// Installed on a phone's home screen, the app is "Mkutano" with its own icon (the brand name is the
// same in every language). Served at /manifest.webmanifest, which the proxy leaves alone: browsers
// fetch it without cookies.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Mkutano",
    short_name: "Mkutano",
    start_url: "/meetings",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#047857",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
