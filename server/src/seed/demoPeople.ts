import type { Role } from '../../../common/src/api/primitives.js';

export interface DemoPerson {
  employeeNumber: string;
  name: string;
  password: string;
  pin: string;
  badge: string;
  jobTitle: string;
  roles: Role[];
}

/**
 * People every seeded organisation contains, with known credentials, so demos, e2e tests and
 * benchmarks can log in. Anna is in the private group Team 3B, Bram is not.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = Object.freeze([
  { employeeNumber: '1001', name: 'Anna de Vries', password: 'welkom-anna', pin: '1234', badge: '04A1B2C3D4', jobTitle: 'Verpleegkundige', roles: ['employee'] },
  { employeeNumber: '1002', name: 'Bram Jansen', password: 'welkom-bram', pin: '2345', badge: '04B2C3D4E5', jobTitle: 'Verzorgende IG', roles: ['employee'] },
  { employeeNumber: '1003', name: 'Carla Smit', password: 'welkom-carla', pin: '3456', badge: '04C3D4E5F6', jobTitle: 'Communicatieadviseur', roles: ['employee', 'editor'] },
  { employeeNumber: '1004', name: 'Daan Bakker', password: 'welkom-daan', pin: '4567', badge: '04D4E5F6A7', jobTitle: 'Applicatiebeheerder', roles: ['employee', 'admin'] },
  { employeeNumber: '1005', name: 'Eva Visser', password: 'welkom-eva', pin: '5678', badge: '04E5F6A7B8', jobTitle: 'Zorgcoach', roles: ['employee', 'coach'] },
] satisfies DemoPerson[]);

/** Where the fixed people work and how often they post, by employee number. */
export const DEMO_PLACEMENT: Record<string, { department: 'ward3b' | 'ward2a' | 'comms' | 'ict' | 'quality'; weight: number; avatar: boolean }> = {
  '1001': { department: 'ward3b', weight: 2, avatar: true },
  '1002': { department: 'ward2a', weight: 1, avatar: false },
  '1003': { department: 'comms', weight: 6, avatar: true },
  '1004': { department: 'ict', weight: 1.5, avatar: true },
  '1005': { department: 'quality', weight: 4, avatar: true },
};
