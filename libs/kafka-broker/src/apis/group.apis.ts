import type { ApiHandler } from './api.registry';
import { deleteGroupsApi } from './delete-groups.api';
import { describeGroupsApi } from './describe-groups.api';
import { findCoordinatorApi } from './find-coordinator.api';
import { heartbeatApi } from './heartbeat.api';
import { joinGroupApi } from './join-group.api';
import { leaveGroupApi } from './leave-group.api';
import { listGroupsApi } from './list-groups.api';
import { offsetCommitApi } from './offset-commit.api';
import { offsetFetchApi } from './offset-fetch.api';
import { syncGroupApi } from './sync-group.api';

/** The consumer-group APIs, served by the group coordinator (broker.groups). */
export const groupApis: readonly ApiHandler[] = [
  offsetCommitApi,
  offsetFetchApi,
  findCoordinatorApi,
  joinGroupApi,
  heartbeatApi,
  leaveGroupApi,
  syncGroupApi,
  describeGroupsApi,
  listGroupsApi,
  deleteGroupsApi,
];
