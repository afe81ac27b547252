// Web text about Sautikit's state (the outage banner, held dials, routing checks), in English and
// Swahili. The web shows English today; the pairs live together so they move into the web message
// catalogs as they are.

export const sautikitStatusText = {
  en: {
    outageBanner: "Sautikit is not answering — calls will go out as soon as it is back",
    queuedHeld: (n: number) => `${n} ${n === 1 ? "person" : "people"} queued — the calls will go out when Sautikit is back`,
    calling: (n: number) => `Calling ${n} ${n === 1 ? "person" : "people"}`,
    nobodyToCall: "Everyone is already on a call or being called",
    personQueued: (name: string) => `${name} is queued — the call will go out when Sautikit is back`,
    callingPerson: (name: string) => `Calling ${name}`,
    retry: "Retry",
    routingMismatch: "Sautikit is not routing this workspace's numbers here",
    routingMismatchHelp: "Calls and events for these numbers go somewhere else, so dial-ins and the live roster will not work. Re-route the numbers to fix it.",
    routingOk: "Both numbers are routed to this workspace: calls and events.",
    routingUnchecked: "Routing not checked yet.",
    secretUnverifiable: "Sautikit does not show the signing secret; it is checked through the signatures of the webhooks that arrive.",
  },
  sw: {
    outageBanner: "Sautikit haijibu — simu zitapigwa mara tu itakaporudi",
    queuedHeld: (n: number) => `Watu ${n} wamepangwa — simu zitapigwa Sautikit itakaporudi`,
    calling: (n: number) => `Tunawapigia watu ${n}`,
    nobodyToCall: "Kila mtu tayari yuko kwenye simu au anapigiwa",
    personQueued: (name: string) => `${name} amepangwa — simu itapigwa Sautikit itakaporudi`,
    callingPerson: (name: string) => `Tunampigia ${name}`,
    retry: "Jaribu tena",
    routingMismatch: "Sautikit haielekezi nambari za eneo hili la kazi hapa",
    routingMismatchHelp: "Simu na matukio ya nambari hizi yanaenda mahali pengine, kwa hiyo kupiga ndani na orodha ya moja kwa moja havitafanya kazi. Elekeza nambari upya ili kurekebisha.",
    routingOk: "Nambari zote mbili zimeelekezwa kwenye eneo hili la kazi: simu na matukio.",
    routingUnchecked: "Uelekezaji bado haujakaguliwa.",
    secretUnverifiable: "Sautikit haionyeshi siri ya kusaini; inakaguliwa kupitia sahihi za webhook zinazofika.",
  },
} as const;

/** The web's language until it has a locale switch. */
export const statusText = sautikitStatusText.en;
