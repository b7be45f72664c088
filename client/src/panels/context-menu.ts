/** A right-click menu: a list of actions at the pointer, arrow keys to move, Escape to leave. */
import { h } from '../dom.ts';

export interface MenuItem {
  label: string;
  run(): void;
}

export class ContextMenu {
  private returnFocus?: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    root.setAttribute('role', 'menu');
    root.hidden = true;
    root.addEventListener('keydown', (event) => {
      const items = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
      const index = items.indexOf(document.activeElement as HTMLElement);
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        items[(index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
      }
    });
    document.addEventListener('mousedown', (event) => {
      if (!root.hidden && !root.contains(event.target as Node)) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(title: string, items: MenuItem[], clientX: number, clientY: number, returnFocus?: HTMLElement): void {
    this.returnFocus = returnFocus;
    this.root.replaceChildren(
      h('p', { class: 'menu-title', text: title, attrs: { 'aria-hidden': 'true' } }),
      ...items.map((item) =>
        h('button', {
          text: item.label,
          attrs: { type: 'button', role: 'menuitem' },
          on: {
            click: () => {
              this.close(false);
              item.run();
            },
          },
        }),
      ),
    );
    this.root.setAttribute('aria-label', title);
    this.root.hidden = false;
    const { innerWidth, innerHeight } = window;
    const box = this.root.getBoundingClientRect();
    this.root.style.left = `${Math.min(clientX, innerWidth - box.width - 4)}px`;
    this.root.style.top = `${Math.min(clientY, innerHeight - box.height - 4)}px`;
    this.root.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }

  close(restoreFocus = true): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    if (restoreFocus) this.returnFocus?.focus();
  }
}
