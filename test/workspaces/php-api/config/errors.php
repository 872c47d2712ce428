<?php

/**
 * Every error type the API sends, with its HTTP status (`code`) and default message.
 * A description with %s is a template for ApiException's $params.
 */

use App\Exceptions\ApiException;

return [
    /** General */
    ApiException::GENERAL_UNKNOWN => [
        'name' => ApiException::GENERAL_UNKNOWN,
        'description' => 'An unknown error has occurred. Please check the logs for more information.',
        'code' => 500,
    ],
    ApiException::GENERAL_ARGUMENT_INVALID => [
        'name' => ApiException::GENERAL_ARGUMENT_INVALID,
        'description' => 'The request contains one or more invalid arguments.',
        'code' => 400,
    ],
    ApiException::GENERAL_ROUTE_NOT_FOUND => [
        'name' => ApiException::GENERAL_ROUTE_NOT_FOUND,
        'description' => 'The requested route was not found.',
        'code' => 404,
    ],
    ApiException::GENERAL_RATE_LIMIT_EXCEEDED => [
        'name' => ApiException::GENERAL_RATE_LIMIT_EXCEEDED,
        'description' => 'Rate limit for the current endpoint has been exceeded. Please try again after some time.',
        'code' => 429,
    ],
    ApiException::GENERAL_SERVICE_UNAVAILABLE => [
        'name' => ApiException::GENERAL_SERVICE_UNAVAILABLE,
        'description' => 'The helpdesk is in maintenance. Please try again in a few minutes.',
        'code' => 503,
    ],
    ApiException::GENERAL_ACCESS_FORBIDDEN => [
        'name' => ApiException::GENERAL_ACCESS_FORBIDDEN,
        'description' => 'Your role does not allow this action.',
        'code' => 403,
    ],

    /** Users */
    ApiException::USER_UNAUTHORIZED => [
        'name' => ApiException::USER_UNAUTHORIZED,
        'description' => 'The API token is missing, expired or revoked.',
        'code' => 401,
    ],
    ApiException::USER_BLOCKED => [
        'name' => ApiException::USER_BLOCKED,
        'description' => 'The agent account has been blocked.',
        'code' => 403,
    ],

    /** Tickets */
    ApiException::TICKET_NOT_FOUND => [
        'name' => ApiException::TICKET_NOT_FOUND,
        'description' => 'Ticket %s was not found.',
        'code' => 404,
    ],
    ApiException::TICKET_ALREADY_CLOSED => [
        'name' => ApiException::TICKET_ALREADY_CLOSED,
        'description' => 'The ticket is closed. Reopen it before replying or reassigning.',
        'code' => 409,
    ],
    ApiException::TICKET_LOCKED => [
        'name' => ApiException::TICKET_LOCKED,
        'description' => 'Another agent is editing this ticket.',
        'code' => 423,
    ],
    ApiException::TICKET_MERGE_INVALID => [
        'name' => ApiException::TICKET_MERGE_INVALID,
        'description' => 'A ticket can only be merged into another open ticket of the same contact.',
        'code' => 400,
    ],
    ApiException::TICKET_REPLY_EMPTY => [
        'name' => ApiException::TICKET_REPLY_EMPTY,
        'description' => 'A reply needs a body or at least one attachment.',
        'code' => 400,
    ],

    /** Contacts */
    ApiException::CONTACT_NOT_FOUND => [
        'name' => ApiException::CONTACT_NOT_FOUND,
        'description' => 'Contact %s was not found.',
        'code' => 404,
    ],
    ApiException::CONTACT_ALREADY_EXISTS => [
        'name' => ApiException::CONTACT_ALREADY_EXISTS,
        'description' => 'A contact with this email already exists.',
        'code' => 409,
    ],
    ApiException::CONTACT_HAS_OPEN_TICKETS => [
        'name' => ApiException::CONTACT_HAS_OPEN_TICKETS,
        'description' => 'The contact has open tickets. Close or merge them before deleting the contact.',
        'code' => 409,
    ],

    /** Attachments */
    ApiException::ATTACHMENT_NOT_FOUND => [
        'name' => ApiException::ATTACHMENT_NOT_FOUND,
        'description' => 'Attachment %s was not found.',
        'code' => 404,
    ],
    ApiException::ATTACHMENT_TOO_LARGE => [
        'name' => ApiException::ATTACHMENT_TOO_LARGE,
        'description' => 'The attachment is larger than the 10 MB limit.',
        'code' => 413,
    ],
    ApiException::ATTACHMENT_TYPE_UNSUPPORTED => [
        'name' => ApiException::ATTACHMENT_TYPE_UNSUPPORTED,
        'description' => 'Files of type %s cannot be attached.',
        'code' => 415,
    ],
    ApiException::STORAGE_LIMIT_EXCEEDED => [
        'name' => ApiException::STORAGE_LIMIT_EXCEEDED,
        'description' => 'The workspace has used its attachment storage.',
        'code' => 403,
    ],
    ApiException::FILE_TOO_LARGE => [
        'name' => ApiException::FILE_TOO_LARGE,
        'description' => 'The file is too large.',
        'code' => 413,
    ],

    /** Agents */
    ApiException::AGENT_NOT_FOUND => [
        'name' => ApiException::AGENT_NOT_FOUND,
        'description' => 'Agent %s was not found.',
        'code' => 404,
    ],
    ApiException::AGENT_UNAVAILABLE => [
        'name' => ApiException::AGENT_UNAVAILABLE,
        'description' => 'The agent is away and cannot take new tickets.',
        'code' => 409,
    ],
];
