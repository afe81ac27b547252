import "server-only";

// Moved to lib/dial-in (the dial-in feature owns the PIN prompt); kept so older imports still work.
export { forgetPinAttempts, MAX_PIN_ATTEMPTS, recordWrongPin } from "@/lib/dial-in/pin-attempts";
