/**
 * Actor names for ids met in free text: attributions ("afghan-taliban / pakistan") and
 * gazetteer descriptions (`afghanistan` in backticks). Names come from the drawn model, else
 * from the actor search; anything not an actor id stays as written.
 */
import { api } from './api.ts';
import type { Model } from './model.ts';

const ACTOR_ID = /^[a-z0-9][a-z0-9-]*$/;
const ATTRIBUTION_PARTS = /(\s*[/,;]\s*|\s+and\s+)/;

export class Names {
  private readonly known = new Map<string, Promise<string | null>>();
  constructor(private readonly model: Model) {}

  /** The actor's name, or null when the id names no actor. */
  name(id: string): Promise<string | null> {
    if (this.model.hasNode(id)) return Promise.resolve(this.model.getNodeAttribute(id, 'name'));
    let answer = this.known.get(id);
    if (!answer) {
      answer = api
        .searchActors(id.replace(/-/g, ' '))
        .then((hits) => hits.find((hit) => hit.id === id)?.name ?? null)
        .catch(() => null);
      this.known.set(id, answer);
    }
    return answer;
  }

  /** "afghan-taliban / pakistan / irs" → "Afghan Taliban / Pakistan / irs". */
  async attribution(text: string): Promise<string> {
    const parts = text.split(ATTRIBUTION_PARTS);
    const named = await Promise.all(parts.map(async (part) => (ACTOR_ID.test(part) ? ((await this.name(part)) ?? part) : part)));
    return named.join('');
  }

  /** The attribution with the names the drawn model knows, at once (`attribution` looks the rest up). */
  attributionNow(text: string): string {
    return text
      .split(ATTRIBUTION_PARTS)
      .map((part) => (ACTOR_ID.test(part) && this.model.hasNode(part) ? this.model.getNodeAttribute(part, 'name') : part))
      .join('');
  }

  /** Markup ids in backticks become names: "the place `afghanistan`" → "the place Afghanistan". */
  async prose(text: string): Promise<string> {
    const ids = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const names = new Map(await Promise.all(ids.map(async (id) => [id, ACTOR_ID.test(id) ? ((await this.name(id)) ?? id) : id] as const)));
    return text.replace(/`([^`]+)`/g, (_m, id: string) => names.get(id) ?? id);
  }
}
