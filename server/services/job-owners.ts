/**
 * Who started each job (the actor's user id, or their name for the command line), so that only
 * they, or an admin, can follow it. Kept in memory beside the jobs themselves and forgotten in the
 * same order (the newest 500 are kept).
 *
 * @example owners.record(job.id, 'usr_…'); owners.ownerOf(job.id) // 'usr_…'
 */
const KEEP = 500;

export class JobOwners {
  private readonly owners = new Map<string, string>();

  record(jobId: string, owner: string): void {
    this.owners.set(jobId, owner);
    if (this.owners.size > KEEP) {
      const oldest = this.owners.keys().next().value;
      if (oldest !== undefined) this.owners.delete(oldest);
    }
  }

  ownerOf(jobId: string): string | undefined {
    return this.owners.get(jobId);
  }
}
