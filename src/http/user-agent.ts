/** What every request says it comes from (the transport's, and the one sent early: src/http/early.ts). */
export const USER_AGENT = 'openstack-classic-cli';
