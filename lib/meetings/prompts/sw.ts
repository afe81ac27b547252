import type { PromptCatalogue } from "@/lib/meetings/prompts/types";
import { spokenDigits } from "@/lib/meetings/prompts/spoken";

export const sw: PromptCatalogue = {
  language: "sw-KE",
  greeting: (name, title) => `Habari ${name}. Unajiunga na mkutano: ${title}.`,
  guestGreeting: (title) => `Karibu. Unajiunga na mkutano: ${title}.`,
  joiningAsHost: "Wewe ndiye mwenyeji. Mkutano unaanza sasa.",
  joiningAsListener: "Unajiunga kama msikilizaji. Laini yako imenyamazishwa.",
  waitingForHost: "Tafadhali subiri. Mkutano utaanza mwenyeji atakapojiunga.",
  meetingFull: "Samahani, mkutano huu umejaa. Tafadhali wasiliana na mratibu. Kwaheri.",
  meetingLocked: "Samahani, mkutano huu umefungwa na haupokei wapigaji wapya. Kwaheri.",
  meetingEnded: "Mkutano huu umekwisha. Asante. Kwaheri.",
  meetingNotFound: "Samahani, hatukuweza kupata mkutano huo. Kwaheri.",
  enterPin: "Karibu Mkutano. Tafadhali weka nambari ya siri ya mkutano, kisha bonyeza alama ya reli.",
  wrongPin: "Nambari hiyo ya siri haikutambuliwa. Tafadhali jaribu tena.",
  tooManyAttempts: "Samahani, nambari hiyo ya siri haikutambuliwa. Kwaheri.",
  goodbye: "Kwaheri.",
  youAreHost: "Wewe ndiye mwenyeji.",
  joiningAsParticipant: "Unajiunga kama mshiriki.",
  hostKeypadHelp:
    "Vitufe vya mwenyeji: nyota 5 kufunga au kufungua, nyota 6 kuwanyamazisha wote au kuwaruhusu kuzungumza, nyota 9 kumaliza mkutano.",
  noPinEntered: "Hatukupokea nambari ya siri. Tafadhali weka nambari ya siri ya mkutano, kisha bonyeza alama ya reli.",
  meetingCancelled: "Samahani, mkutano huu umeghairiwa. Tafadhali wasiliana na mratibu. Kwaheri.",
  meetingNotStarted: (startsAt) =>
    `Mkutano huu bado haujaanza. Utaanza saa ${startsAt}. Tafadhali piga tena wakati huo. Kwaheri.`,
  roomLocked: "Mkutano sasa umefungwa. Wapigaji wapya hawawezi kujiunga.",
  roomUnlocked: "Mkutano sasa umefunguliwa. Wapigaji wapya wanaweza kujiunga.",
  everyoneMuted: "Wengine wote sasa wamenyamazishwa.",
  everyoneUnmuted: "Kila mtu sasa anaweza kuzungumza.",
  endingMeeting: "Tunamaliza mkutano kwa wote. Kwaheri.",
  unknownKeypadCommand:
    "Samahani, kitufe hicho si amri. Bonyeza nyota 5 kufunga, nyota 6 kuwanyamazisha wote, au nyota 9 kumaliza mkutano.",
  keypadFailed: "Samahani, hilo halikufanikiwa. Tafadhali jaribu tena.",
  technicalProblem: "Samahani, tuna tatizo la kiufundi. Tafadhali jaribu tena baadaye. Kwaheri.",
  confirmJoin: (name, title) => `Habari ${name}, hapa ni Mkutano. Tunakupigia ujiunge na ${title}. Bonyeza 1 kujiunga.`,
  confirmRejoin: (title) => `Simu yako ilikatika kutoka ${title}. Bonyeza 1 kujiunga tena.`,
  confirmDeclined: "Sawa, hatutakuunganisha. Kwaheri.",
  confirmNoResponse: "Hatukupokea jibu lako, kwa hivyo hatutakuunganisha. Asante, kwaheri.",
  reminder: (title, minutes, then) =>
    `${title} unaanza baada ya ${minutes === 1 ? "dakika moja" : `dakika ${minutes}`}. Bonyeza 1 kujiunga sasa na kumsubiri mwenyeji` +
    (then.kind === "callAtStart"
      ? ", au kata simu na tutakupigia mkutano ukianza."
      : then.kind === "dialIn"
        ? `, au piga ${spokenDigits(then.number)} ukitumia nambari ya siri ${spokenDigits(then.pin)} mkutano ukianza.`
        : "."),
};
