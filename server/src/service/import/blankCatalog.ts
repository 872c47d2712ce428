/**
 * A blank catalog to start from by hand: one envelope, the statuses most APIs return, and one code
 * showing each field, every part commented so that the file teaches its own format.
 */
import { catalogIdFrom } from './catalogDraft';

/** The text of a new catalog for a project called `name`. */
export function blankCatalog(name: string): string {
  const id = catalogIdFrom(name);
  const title = name.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').trim().slice(0, 60) || 'API';
  return `# The error catalog of ${title}: its error codes, their HTTP statuses, and the shape of the
# error response body. Hover, completion and checks in the editor come from this file.
id: ${id}
title: ${JSON.stringify(`${title} API`)}
envelope:
  contentType: application/json
  # The error body as the API sends it: "\${code}" and "\${message}" are filled in per code;
  # anything else (success: false) is sent as it is.
  body:
    error:
      code: "\${code}"
      message: "\${message}"
statuses:
  400:
    description: The request is malformed or failed validation.
  401:
    description: The request has no valid credentials.
  404:
    description: The resource does not exist.
  429:
    description: Too many requests; wait before trying again.
    retry:
      strategy: retry-after
  500:
    description: An unexpected error on the server.
codes:
  # One entry per error code: rename this one and add yours.
  RESOURCE_NOT_FOUND:
    status: 404
    title: Resource not found
    message: The requested resource does not exist.
    causes:
      - The ID in the request is wrong.
    resolution:
      - Check the ID, or list the resources to find it.
`;
}
