/**
 * An actor combobox with alias autocomplete: typing "ISKP" offers "Islamic State Khorasan
 * Province" and says which alias matched. Used by the main search and the path finder.
 */
import type { ActorHit } from '../../../server/domain/index.ts';
import { api } from '../api.ts';
import { h } from '../dom.ts';
import { KIND_COLOURS } from '../palette.ts';

let counter = 0;

export interface ActorSearch {
  element: HTMLElement;
  input: HTMLInputElement;
  /** Show a chosen actor's name without searching. */
  show(name: string): void;
}

export function actorSearch(options: {
  label: string;
  placeholder: string;
  onChoose(hit: ActorHit): void;
  /** Gazetteer actors without claims may be chosen too (a claim about to be made names them). */
  anyActor?: boolean;
}): ActorSearch {
  const id = `actor-search-${++counter}`;
  const list = h('ul', { class: 'suggestions', attrs: { id: `${id}-list`, role: 'listbox', 'aria-label': `${options.label} suggestions` } });
  list.hidden = true;
  const input = h('input', {
    attrs: {
      id,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      placeholder: options.placeholder,
      'aria-label': options.label,
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${id}-list`,
    },
  });
  let hits: ActorHit[] = [];
  /** The text the hits answer: Enter never picks a suggestion for older text. */
  let hitsFor = '';
  let active = -1;
  let pending: AbortController | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  /** A gazetteer actor no document mentions is shown, marked, but leads nowhere. */
  const empty = (hit: ActorHit) => !options.anyActor && hit.claims === 0;
  const choose = (hit: ActorHit) => {
    if (empty(hit)) return;
    input.value = hit.name;
    close();
    options.onChoose(hit);
  };
  const setActive = (index: number) => {
    active = (index + hits.length) % hits.length;
    for (const [i, item] of [...list.children].entries()) item.setAttribute('aria-selected', String(i === active));
    input.setAttribute('aria-activedescendant', `${id}-option-${active}`);
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            class: empty(hit) ? 'suggestion no-claims' : 'suggestion',
            attrs: { id: `${id}-option-${i}`, role: 'option', 'aria-selected': 'false', 'aria-disabled': empty(hit) ? 'true' : undefined },
            // mousedown, not click: it fires before the input's blur closes the list.
            on: { mousedown: (event) => (event.preventDefault(), choose(hit)) },
          },
          [
            h('span', { class: 'swatch', attrs: { style: `background:${KIND_COLOURS[hit.kind]}`, 'aria-hidden': 'true' } }),
            h('span', { class: 'name', text: hit.name }),
            hit.matched !== hit.name ? h('span', { class: 'matched', text: `“${hit.matched}”` }) : null,
            h('span', { class: 'kind', text: empty(hit) ? `${hit.kind} · no claims` : hit.kind }),
          ],
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const search = async (q: string) => {
    pending?.abort();
    if (q.trim().length === 0) {
      hits = [];
      hitsFor = q;
      render();
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const found = await api.searchActors(q, controller.signal);
      if (controller.signal.aborted) return;
      hits = found;
      hitsFor = q;
      active = -1;
      render();
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void search(input.value), 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      if (list.hidden) render();
      setActive(active + 1);
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const typed = input.value;
      if (hitsFor !== typed) {
        // Typed faster than the suggestions came: answer for what is in the box now.
        clearTimeout(debounce);
        void search(typed).then(() => {
          const hit = hits.find((h) => !empty(h));
          if (hit && input.value === typed) choose(hit);
        });
        return;
      }
      const hit = (active >= 0 ? hits[active] : undefined) ?? hits.find((h) => !empty(h));
      if (hit) choose(hit);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', close);

  return {
    element: h('div', { class: 'actor-search' }, [input, list]),
    input,
    show: (name: string) => {
      input.value = name;
    },
  };
}
