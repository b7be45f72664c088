/**
 * The claim form: one form to make a claim from a quoted span, to edit or retract a curated
 * claim, and to correct an extracted one (type, direction, actors, certainty). Subject and
 * object come from the alias search or are added as new actors; the type list holds only
 * what the relation signatures allow for the two actors' kinds.
 */
import {
  ActorKind,
  Certainty,
  RelationType,
  When,
  type ActorRef,
  type ClaimDraft,
  type ClaimPatch,
  type ClaimView,
} from '../../../server/domain/index.ts';
import type { AnnotationWrites } from '../annotate-api.ts';
import { ApiError } from '../api.ts';
import { h } from '../dom.ts';
import { KIND_COLOURS, TYPE_GLYPHS } from '../palette.ts';
import { noTypeReason, typesFor } from '../relation-choices.ts';
import { actorSearch } from './actor-search.ts';

type Side = 'subject' | 'object';
type Chosen = Pick<ActorRef, 'id' | 'name' | 'kind'>;

/** The span the form starts from, and (when editing) the claim it changes. */
export interface ClaimFormInput {
  document: string;
  quote: string;
  start: number;
  end: number;
  claim?: ClaimView;
}

export interface ClaimFormOptions {
  writes: AnnotationWrites;
  input: ClaimFormInput;
  /** A write went through: the claim as the server has it now. */
  saved(claim: ClaimView, action: 'create' | 'update' | 'retract'): void;
  cancel(): void;
  /** The token was refused (401). */
  expired(): void;
}

let forms = 0;

/** What a refused write means for the analyst. */
export function writeProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return `The server could not be reached: ${error instanceof Error ? error.message : String(error)}`;
  if (error.status === 409) return `${error.detail ?? error.title} — someone changed this claim since it was opened: close the form and open the claim again.`;
  return error.message;
}

export function claimForm(options: ClaimFormOptions): { element: HTMLFormElement; focus(): void } {
  const { input, writes } = options;
  const editing = input.claim;
  const n = ++forms;
  const id = (name: string) => `claim-${n}-${name}`;
  const chosen: Record<Side, Chosen | undefined> = { subject: editing?.subject, object: editing?.object };
  const problem = h('p', { class: 'problem', attrs: { role: 'alert', id: id('problem') } });
  const say = (text: string) => (problem.textContent = text);

  // Subject and object: search, or a new actor; what is chosen shows beside the label.
  const sideBlock = (side: Side) => {
    const shown = h('p', { class: 'chosen', attrs: { id: id(`${side}-chosen`), 'aria-live': 'polite' } });
    const search = actorSearch({
      label: side === 'subject' ? 'Subject actor' : 'Object actor',
      placeholder: 'Search actors by name or alias…',
      anyActor: true,
      onChoose: (hit) => choose(side, hit),
    });
    search.input.setAttribute('aria-describedby', id(`${side}-chosen`));
    const fresh = newActorFields(side, search.input);
    const block = h('fieldset', { class: `claim-side side-${side}` }, [
      h('legend', { text: side === 'subject' ? 'Subject (who)' : 'Object (whom)' }),
      shown,
      search.element,
      h('button', {
        class: 'link new-actor-open',
        text: 'New actor…',
        attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': id(`${side}-new`) },
        on: {
          click: (event) => {
            const open = fresh.hidden;
            fresh.hidden = !open;
            (event.currentTarget as HTMLElement).setAttribute('aria-expanded', String(open));
            if (open) fresh.querySelector<HTMLInputElement>('input')!.focus();
          },
        },
      }),
      fresh,
    ]);
    return { block, shown, search, fresh };
  };
  const sides = { subject: sideBlock('subject'), object: sideBlock('object') };

  /** The inline "new actor" fields: name, kind, aliases; added to the gazetteer over the API. */
  function newActorFields(side: Side, searchInput: HTMLInputElement): HTMLElement {
    const name = h('input', { attrs: { id: id(`${side}-new-name`), type: 'text', autocomplete: 'off' } });
    const kind = h('select', { attrs: { id: id(`${side}-new-kind`) } }, ActorKind.options.map((k) => h('option', { text: k, attrs: { value: k } })));
    const aliases = h('input', { attrs: { id: id(`${side}-new-aliases`), type: 'text', autocomplete: 'off', 'aria-describedby': id(`${side}-new-hint`) } });
    const add = h('button', {
      text: 'Add actor',
      attrs: { type: 'button', class: 'new-actor-add' },
      on: {
        click: async () => {
          if (!name.value.trim()) {
            say('A new actor needs a name.');
            name.focus();
            return;
          }
          try {
            const actor = await writes.createActor({
              name: name.value.trim(),
              kind: ActorKind.parse(kind.value),
              aliases: aliases.value.split(',').map((a) => a.trim()).filter(Boolean),
            });
            box.hidden = true;
            sides[side].block.querySelector('.new-actor-open')?.setAttribute('aria-expanded', 'false');
            choose(side, actor);
            searchInput.focus();
          } catch (error) {
            if (error instanceof ApiError && error.status === 401) options.expired();
            say(writeProblem(error));
          }
        },
      },
    });
    name.addEventListener('focus', () => {
      if (!name.value && searchInput.value) name.value = searchInput.value;
    });
    const box = h('div', { class: 'new-actor', attrs: { id: id(`${side}-new`), role: 'group', 'aria-label': `New ${side} actor` } }, [
      h('label', { class: 'field', attrs: { for: name.id }, text: 'Name' }),
      name,
      h('label', { class: 'field', attrs: { for: kind.id }, text: 'Kind' }),
      kind,
      h('label', { class: 'field', attrs: { for: aliases.id }, text: 'Aliases' }),
      aliases,
      h('p', { class: 'hint', attrs: { id: id(`${side}-new-hint`) }, text: 'Other names, comma-separated (acronyms, spellings).' }),
      add,
    ]);
    box.hidden = true;
    return box;
  }

  const type = h('select', { attrs: { id: id('type'), 'aria-describedby': id('type-hint') } });
  const typeHint = h('p', { class: 'hint', attrs: { id: id('type-hint') } });
  const certainty = h('select', { attrs: { id: id('certainty') } }, Certainty.options.map((c) => h('option', { text: c, attrs: { value: c } })));
  certainty.value = editing?.certainty ?? 'asserted';
  const attributedTo = h('input', { attrs: { id: id('attributed'), type: 'text', autocomplete: 'off', 'aria-describedby': id('attributed-hint') } });
  attributedTo.value = editing?.attributedTo ?? '';
  const when = h('input', { attrs: { id: id('when'), type: 'text', autocomplete: 'off', placeholder: '2023-07 or 2021/..', 'aria-describedby': id('when-hint') } });
  when.value = editing?.when ?? '';
  const note = h('textarea', { attrs: { id: id('note'), rows: 2 } });
  note.value = editing?.note ?? '';

  /** The type list follows the two actors' kinds; a type still allowed stays chosen. */
  function syncTypes(): void {
    const kept = (type.value || editing?.type) as RelationType | undefined;
    const allowed = typesFor(chosen.subject?.kind, chosen.object?.kind);
    type.replaceChildren(...allowed.map((t) => h('option', { text: `${TYPE_GLYPHS[t]} ${t}`, attrs: { value: t } })));
    type.value = kept && allowed.includes(kept) ? kept : (allowed[0] ?? '');
    type.disabled = allowed.length === 0;
    typeHint.textContent =
      noTypeReason(chosen.subject?.kind, chosen.object?.kind) ??
      (chosen.subject && chosen.object ? `${allowed.length} of ${RelationType.options.length} types fit a ${chosen.subject.kind} and a ${chosen.object.kind}.` : 'Choose both actors to narrow the types.');
  }

  function showChosen(side: Side): void {
    const actor = chosen[side];
    sides[side].shown.replaceChildren(
      ...(actor
        ? [h('span', { class: 'swatch', attrs: { style: `background:${KIND_COLOURS[actor.kind]}`, 'aria-hidden': 'true' } }), h('strong', { text: actor.name }), ` (${actor.kind})`]
        : [h('span', { class: 'hint', text: 'none chosen yet' })]),
    );
  }

  function choose(side: Side, actor: Chosen): void {
    chosen[side] = { id: actor.id, name: actor.name, kind: actor.kind };
    sides[side].search.show('');
    showChosen(side);
    syncTypes();
    say('');
  }

  const swap = h('button', {
    class: 'swap',
    text: '⇅ Swap subject and object',
    attrs: { type: 'button' },
    on: {
      click: () => {
        [chosen.subject, chosen.object] = [chosen.object, chosen.subject];
        showChosen('subject');
        showChosen('object');
        syncTypes();
      },
    },
  });

  const save = h('button', { class: 'primary', text: editing ? (editing.origin === 'extracted' ? 'Save correction' : 'Save changes') : 'Save claim', attrs: { type: 'submit' } });
  let confirming = false;
  const retract = editing
    ? h('button', {
        class: 'danger retract',
        text: 'Retract claim',
        attrs: { type: 'button' },
        on: {
          click: async () => {
            if (!confirming) {
              confirming = true;
              retract!.textContent = 'Press again to retract';
              return;
            }
            try {
              options.saved(await writes.retract(editing.id, editing.revision), 'retract');
            } catch (error) {
              refused(error);
            }
          },
          blur: () => {
            confirming = false;
            retract!.textContent = 'Retract claim';
          },
        },
      })
    : null;

  function refused(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) options.expired();
    say(writeProblem(error));
  }

  const heading = editing ? (editing.origin === 'extracted' ? 'Correct an extracted claim' : 'Edit a claim') : 'New claim';
  const form = h('form', { class: 'claim-form', attrs: { 'aria-labelledby': id('heading'), novalidate: true } }, [
    h('h2', { text: heading, attrs: { id: id('heading'), tabindex: -1 } }),
    h('figure', { class: 'claim-quote' }, [
      h('blockquote', { text: input.quote }),
      h('figcaption', { class: 'hint', text: `characters ${input.start}–${input.end} of the document` }),
    ]),
    sides.subject.block,
    swap,
    sides.object.block,
    h('label', { class: 'field', attrs: { for: type.id }, text: 'Relation type' }),
    type,
    typeHint,
    h('label', { class: 'field', attrs: { for: certainty.id }, text: 'Certainty' }),
    certainty,
    h('label', { class: 'field', attrs: { for: attributedTo.id }, text: 'Attributed to' }),
    attributedTo,
    h('p', { class: 'hint', attrs: { id: id('attributed-hint') }, text: 'Who asserts it, if not the author: an actor id or words (“intelligence reports”).' }),
    h('label', { class: 'field', attrs: { for: when.id }, text: 'When' }),
    when,
    h('p', { class: 'hint', attrs: { id: id('when-hint') }, text: 'An ISO date or interval: 2023, 2023-07-30, 2021/.., ../2001.' }),
    h('label', { class: 'field', attrs: { for: note.id }, text: 'Note' }),
    note,
    problem,
    h('div', { class: 'actions' }, [save, h('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => options.cancel() } }), retract]),
  ]);
  form.addEventListener('keydown', (event) => {
    // Escape leaves the form (an open suggestion list takes it first).
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.stopPropagation();
      options.cancel();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const subject = chosen.subject;
    const object = chosen.object;
    if (!subject || !object) return say(`Choose the ${subject ? 'object' : 'subject'} actor.`);
    if (!type.value) return say(noTypeReason(subject.kind, object.kind) ?? 'Choose a relation type.');
    const whenText = when.value.trim();
    if (whenText && !When.safeParse(whenText).success) {
      when.focus();
      return say('When must be an ISO date or interval, e.g. 2023-07 or 2021/..');
    }
    const fields = {
      subject: subject.id,
      object: object.id,
      type: RelationType.parse(type.value),
      certainty: Certainty.parse(certainty.value),
    };
    const optional = { attributedTo: attributedTo.value.trim(), when: whenText, note: note.value.trim() };
    save.disabled = true;
    try {
      if (!editing) {
        const draft: ClaimDraft = { document: input.document, quote: input.quote, start: input.start, end: input.end, ...fields };
        for (const [key, value] of Object.entries(optional)) if (value) Object.assign(draft, { [key]: value });
        options.saved(await writes.create(draft), 'create');
      } else {
        const patch: ClaimPatch = { revision: editing.revision };
        const before = { subject: editing.subject.id, object: editing.object.id, type: editing.type, certainty: editing.certainty };
        for (const key of Object.keys(fields) as (keyof typeof fields)[]) if (fields[key] !== before[key]) Object.assign(patch, { [key]: fields[key] });
        for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
          const was = editing[key] ?? '';
          if (value !== was) Object.assign(patch, { [key]: value || null });
        }
        if (Object.keys(patch).length === 1) {
          save.disabled = false;
          return say('Nothing changed.');
        }
        options.saved(await writes.update(editing.id, patch), 'update');
      }
    } catch (error) {
      refused(error);
    } finally {
      save.disabled = false;
    }
  });

  showChosen('subject');
  showChosen('object');
  syncTypes();
  return {
    element: form,
    focus: () => (chosen.subject ? type : sides.subject.search.input).focus(),
  };
}
