/**
 * Access to the Parquet lake through the Hadoop file system API, so that the same jobs write to a local directory
 * today and to HDFS or S3A later by changing only {@code budgetguard.lake.uri}. Files are published by writing a
 * hidden temporary name and renaming it into place, so a reader never sees half a file.
 */
package dev.budgetguard.jobs.lake;
