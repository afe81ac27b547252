import type { PromptCatalogue } from "@/lib/meetings/prompts/types";

export const sw: PromptCatalogue = {
  language: "sw-KE",
  greeting: (name, title) => `Habari ${name}. Unajiunga na mkutano: ${title}.`,
  guestGreeting: (title) => `Karibu. Unajiunga na mkutano: ${title}.`,
  joiningAsHost: "Wewe ndiye mwenyeji. Mkutano unaanza sasa.",
  joiningAsListener: "Unajiunga kama msikilizaji. Laini yako imezimwa sauti.",
  waitingForHost: "Tafadhali subiri. Mkutano utaanza mwenyeji atakapojiunga.",
  meetingFull: "Samahani, mkutano huu umejaa. Tafadhali wasiliana na mwandalizi. Kwaheri.",
  meetingLocked: "Samahani, mkutano huu umefungwa na haupokei wapigaji wapya. Kwaheri.",
  meetingEnded: "Mkutano huu umekwisha. Asante. Kwaheri.",
  meetingNotFound: "Samahani, hatukuweza kupata mkutano huo. Kwaheri.",
  enterPin: "Karibu Mkutano. Tafadhali weka nambari ya siri ya mkutano, kisha bonyeza alama ya reli.",
  wrongPin: "Nambari hiyo ya siri haikutambuliwa. Tafadhali jaribu tena.",
  tooManyAttempts: "Samahani, nambari hiyo ya siri haikutambuliwa. Kwaheri.",
  goodbye: "Kwaheri.",
};
