import type { Group } from './groups.js';
import type { People, Person } from './people.js';
import type { Department } from './places.js';
import { WeightedPool, type Rng } from './prng.js';
import type { AuthorPool } from './texts.js';

/** Who may write a template of each author pool. */
const IN_POOL: Record<AuthorPool, (p: Person) => boolean> = {
  any: () => true,
  ward: (p) => p.dept.kind === 'ward',
  homecare: (p) => p.dept.kind === 'homecare',
  care: (p) => p.dept.kind === 'ward' || p.dept.kind === 'homecare',
  facility: (p) => p.dept.kind === 'facility',
  hr: (p) => p.dept.key === 'hr',
  comms: (p) => p.dept.key === 'comms',
  ict: (p) => p.dept.key === 'ict',
  quality: (p) => p.dept.key === 'quality' || p.roles.includes('coach'),
  planning: (p) => p.dept.key === 'planning' || (p.leader && (p.dept.kind === 'ward' || p.dept.kind === 'homecare')),
  health: (p) => p.dept.key === 'quality' || p.dept.key === 'hr' || p.dept.key === 'comms',
  leaders: (p) => p.leader,
};

/**
 * The people a post or a reply draws on, among the active staff: who writes a kind of post, who is
 * mentioned, who the post is about. Pools are built on first use and kept, as the timeline draws from
 * them thousands of times.
 */
export class Colleagues {
  private readonly anyone: WeightedPool<Person>;
  private readonly byPostingWeight: WeightedPool<Person>;
  private readonly authorPools = new Map<AuthorPool, WeightedPool<Person>>();
  private readonly departments = new Map<Department, Person[]>();

  constructor(private readonly people: People) {
    this.anyone = new WeightedPool(people.active, () => 1);
    this.byPostingWeight = new WeightedPool(people.active, (p) => p.weight);
  }

  /** Everyone active, each as likely as the next. */
  anyoneActive(rng: Rng): Person {
    return this.anyone.pick(rng);
  }

  /** Authors of a template's pool, by how often they post; a pool without anyone falls back to care staff or everyone. */
  authors(name: AuthorPool): WeightedPool<Person> {
    let pool = this.authorPools.get(name);
    if (!pool) {
      const members = this.people.active.filter(IN_POOL[name]);
      pool = members.length > 0 ? new WeightedPool(members, (p) => p.weight) : name === 'leaders' ? this.authors('care') : this.byPostingWeight;
      this.authorPools.set(name, pool);
    }
    return pool;
  }

  /** The active people of someone's department, the person included. */
  ofDepartment(person: Person): Person[] {
    let list = this.departments.get(person.dept);
    if (!list) this.departments.set(person.dept, (list = person.dept.staff.filter((s) => s.active)));
    return list;
  }

  /** Someone the author knows: a group member, a department colleague or anyone. */
  colleague(rng: Rng, author: Person, group: Group | null, exclude?: Person): Person {
    for (let attempt = 0; attempt < 20; attempt++) {
      let p: Person;
      if (group) p = rng.pick(group.pool.items);
      else if (rng.chance(0.65)) p = rng.pick(this.ofDepartment(author));
      else p = this.anyone.pick(rng);
      if (p !== author && p !== exclude) return p;
    }
    return this.anyone.pick(rng);
  }

  /** Someone from the author's own group or department where there is one: who a welcome or a birthday is about. */
  close(rng: Rng, author: Person, group: Group | null): Person {
    const list = group ? group.pool.items : this.ofDepartment(author);
    if (list.length > 1) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const p = rng.pick(list);
        if (p !== author) return p;
      }
    }
    return this.colleague(rng, author, group);
  }
}
