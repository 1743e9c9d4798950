/**
 * The spool's on-disk contract between the collector and the jobs: segment ids, open and sealed file names, and where a
 * torn tail is set aside. Writing and reading live with their users; this package only names things.
 */
package dev.budgetguard.schemas.spool;
