/**
 * The interactive API documentation at {@code /docs} (Swagger UI over {@code /docs/openapi.json}): the admin
 * controllers as springdoc finds them, the proxy routes (registered on Reactor Netty, invisible to springdoc)
 * described by hand, and the two credentials each side needs. The docs describe; they never need or show a key.
 */
package dev.budgetguard.ingest.docs;
