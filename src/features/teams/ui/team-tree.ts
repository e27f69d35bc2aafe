/** Teams arranged by escalation: each team under the team it escalates to, top teams first. */
export interface TeamTreeNode<T> {
  team: T;
  children: TeamTreeNode<T>[];
}

export function teamTree<T extends { id: string; parentTeamId: string | null }>(teams: T[]): TeamTreeNode<T>[] {
  const nodes = new Map(teams.map((team) => [team.id, { team, children: [] as TeamTreeNode<T>[] }]));
  const roots: TeamTreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.team.parentTeamId ? nodes.get(node.team.parentTeamId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
