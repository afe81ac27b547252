import { en } from "@/lib/meetings/prompts/en";
import { sw } from "@/lib/meetings/prompts/sw";
import type { PromptCatalogue } from "@/lib/meetings/prompts/types";

const catalogues: Record<string, PromptCatalogue> = { en, sw };

/** The catalogue for a meeting's language ("en" | "sw"); English for anything unknown. */
export function promptsFor(language: string): PromptCatalogue {
  return catalogues[language] ?? en;
}
