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

export function actorSearch(options: { label: string; placeholder: string; onChoose(hit: ActorHit): void }): ActorSearch {
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
  let active = -1;
  let pending: AbortController | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (hit: ActorHit) => {
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
            class: 'suggestion',
            attrs: { id: `${id}-option-${i}`, role: 'option', 'aria-selected': 'false' },
            // mousedown, not click: it fires before the input's blur closes the list.
            on: { mousedown: (event) => (event.preventDefault(), choose(hit)) },
          },
          [
            h('span', { class: 'swatch', attrs: { style: `background:${KIND_COLOURS[hit.kind]}`, 'aria-hidden': 'true' } }),
            h('span', { class: 'name', text: hit.name }),
            hit.matched !== hit.name ? h('span', { class: 'matched', text: `“${hit.matched}”` }) : null,
            h('span', { class: 'kind', text: hit.kind }),
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
      render();
      return;
    }
    pending = new AbortController();
    try {
      hits = await api.searchActors(q, pending.signal);
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
      const hit = hits[active] ?? hits[0];
      if (hit) {
        event.preventDefault();
        choose(hit);
      }
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
