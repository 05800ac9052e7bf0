/**
 * Who started each API job (by user id), so that only they, or an admin, can follow it. Kept in
 * memory beside the jobs themselves and forgotten in the same order (the newest 500 are kept).
 *
 * @example owners.record(job.id, principal.user.id); owners.ownerOf(job.id) // 'usr_…'
 */
const KEEP = 500;

export class JobOwners {
  private readonly owners = new Map<string, string>();

  record(jobId: string, userId: string): void {
    this.owners.set(jobId, userId);
    if (this.owners.size > KEEP) {
      const oldest = this.owners.keys().next().value;
      if (oldest !== undefined) this.owners.delete(oldest);
    }
  }

  ownerOf(jobId: string): string | undefined {
    return this.owners.get(jobId);
  }
}
