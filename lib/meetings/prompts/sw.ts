import type { PromptCatalogue } from "@/lib/meetings/prompts/types";
import { spokenDigits } from "@/lib/meetings/prompts/spoken";

const HOURS = [
  "sita",
  "saba",
  "nane",
  "tisa",
  "kumi",
  "kumi na moja",
  "kumi na mbili",
  "moja",
  "mbili",
  "tatu",
  "nne",
  "tano",
];

/**
 * Swahili time, as Kenyans say it: the day's hours are counted from 6 in the morning, so 07:00 is
 * "saa moja asubuhi" and 14:30 "saa nane na nusu mchana". A Swahili speaker hearing "saa 14:30"
 * would have to convert it (and "saa mbili" means 08:00, not 02:00).
 */
export function swahiliClock(hour: number, minute: number): string {
  const quarterTo = minute === 45;
  const h = quarterTo ? (hour + 1) % 24 : hour;
  const name = HOURS[h % 12]!;
  const part =
    h >= 4 && h < 6
      ? "alfajiri"
      : h >= 6 && h < 12
        ? "asubuhi"
        : h >= 12 && h < 16
          ? "mchana"
          : h >= 16 && h < 19
            ? "jioni"
            : "usiku";
  const mins =
    minute === 0
      ? ""
      : minute === 15
        ? " na robo"
        : minute === 30
          ? " na nusu"
          : quarterTo
            ? " kasorobo"
            : ` na dakika ${minute}`;
  return `saa ${name}${mins} ${part}`;
}

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
  noPinEntered: "Hatukupokea nambari ya siri. Tafadhali weka nambari ya siri ya mkutano, kisha bonyeza alama ya reli.",
  meetingCancelled: "Samahani, mkutano huu umeghairiwa. Tafadhali wasiliana na mratibu. Kwaheri.",
  meetingNotStarted: (startsAt) =>
    `Mkutano huu bado haujaanza. Utaanza ${startsAt}. Tafadhali piga tena wakati huo. Kwaheri.`,
  clock: swahiliClock,
  roomLocked: "Mkutano sasa umefungwa. Wapigaji wapya hawawezi kujiunga.",
  roomUnlocked: "Mkutano sasa umefunguliwa. Wapigaji wapya wanaweza kujiunga.",
  everyoneMuted: "Wengine wote sasa wamenyamazishwa.",
  everyoneUnmuted: "Kila mtu sasa anaweza kuzungumza.",
  endingMeeting: "Tunamaliza mkutano kwa wote. Kwaheri.",
  unknownKeypadCommand: "Samahani, hicho si kitufe cha amri. Bonyeza nyota 0 kusikia vitufe.",
  keypadFailed: "Samahani, hilo halikufanikiwa. Tafadhali jaribu tena.",
  keyWords: { star: "nyota", hash: "reli" },
  keyActions: {
    "toggle-self-mute": "kujinyamazisha au kuzungumza tena",
    "toggle-hand": "kunyoosha au kushusha mkono",
    "head-count": "kusikia idadi ya watu waliopo",
    "key-list": "kusikia vitufe hivi",
    "toggle-mute-all": "kuwanyamazisha wengine wote au kuwaruhusu kuzungumza",
    "next-hand": "kumruhusu anayefuata aliyenyoosha mkono kuzungumza",
    "next-mode": "kubadili kati ya hali ya wazi, ya uwasilishaji na ya maswali",
    "toggle-lock": "kufunga au kufungua mkutano",
    "extend-meeting": "kuongeza muda wa mkutano",
    "end-meeting": "kumaliza mkutano",
  },
  keyListIntro: "Vitufe vya simu:",
  hostKeyListIntro: "Vitufe vya mwenyeji:",
  keyHint: "Bonyeza nyota 0 wakati wowote kusikia vitufe vya simu.",
  mutedSelf: "Umenyamazishwa.",
  unmutedSelf: "Sasa unaweza kuzungumza.",
  selfUnmuteRefused:
    "Sasa ni wenyeji na wazungumzaji waliochaguliwa tu wanaoweza kuzungumza. Bonyeza nyota 9 kunyoosha mkono.",
  listenerStaysMuted: "Ulijiunga kama msikilizaji, kwa hivyo laini yako itabaki imenyamazishwa.",
  handRaised: "Umenyoosha mkono. Mwenyeji atakuruhusu kuzungumza.",
  handLowered: "Umeshusha mkono.",
  headCount: (count) => (count === 1 ? "Wewe ndiye mtu pekee katika mkutano." : `Kuna watu ${count} katika mkutano.`),
  hostOnlyKey: "Samahani, kitufe hicho ni cha mwenyeji. Bonyeza nyota 0 kusikia vitufe vyako.",
  noHandsRaised: "Hakuna aliyenyoosha mkono.",
  nextHandSpeaking: "Anayefuata kwenye foleni sasa anaweza kuzungumza.",
  modeNow: {
    open: "Hali ya wazi: kila mtu anaweza kuzungumza.",
    presentation: "Hali ya uwasilishaji: wenyeji na wazungumzaji waliochaguliwa tu wanaweza kuzungumza.",
    qa: "Hali ya maswali: wote wamenyamazishwa. Bonyeza nyota 9 kuuliza swali.",
  },
  confirmEnd: "Kumaliza mkutano kwa wote, bonyeza nyota 3 tena.",
  technicalProblem: "Samahani, tuna tatizo la kiufundi. Tafadhali jaribu tena baadaye. Kwaheri.",
  confirmJoin: (name, title) => `Habari ${name}, hapa ni Mkutano. Tunakupigia ujiunge na ${title}. Bonyeza 1 kujiunga.`,
  confirmRejoin: (title) => `Simu yako ilikatika kutoka ${title}. Bonyeza 1 kujiunga tena.`,
  confirmDeclined: "Sawa, hatutakuunganisha. Kwaheri.",
  confirmNoResponse: "Hatukupokea jibu lako, kwa hivyo hatutakuunganisha. Asante, kwaheri.",
  recordingNotice: "Mkutano huu unarekodiwa.",
  meetingExtended: (added, left) =>
    `Muda wa mkutano umeongezwa kwa dakika ${added}. Sasa utaisha baada ya dakika ${left}.`,
  extendAtMaximum: "Muda wa mkutano hauwezi kuongezwa: umefikia muda mrefu zaidi unaoruhusiwa.",
  extendNotLive: "Muda wa mkutano unaweza kuongezwa tu baada ya mkutano kuanza.",
  reminder: (title, minutes, then) =>
    `${title} unaanza baada ya ${minutes === 1 ? "dakika moja" : `dakika ${minutes}`}. Bonyeza 1 kujiunga sasa na kumsubiri mwenyeji` +
    (then.kind === "callAtStart"
      ? ", au kata simu na tutakupigia mkutano ukianza."
      : then.kind === "dialIn"
        ? `, au piga ${spokenDigits(then.number)} ukitumia nambari ya siri ${spokenDigits(then.pin)} mkutano ukianza.`
        : "."),
};
