import "server-only";

// Moved to lib/dial-in (caller-ID admission, PIN prompt, flash to join); kept so older imports still work.
export { answerInboundCall } from "@/lib/dial-in/answer-inbound-call";
export { MAX_PIN_ATTEMPTS } from "@/lib/dial-in/pin-attempts";
