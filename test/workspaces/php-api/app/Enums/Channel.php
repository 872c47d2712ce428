<?php

namespace App\Enums;

/** Where a ticket came from. */
enum Channel: string
{
    case Email = 'email';
    case Chat = 'chat';
    case Phone = 'phone';
    case WebForm = 'web_form';
    case Api = 'api';
}
