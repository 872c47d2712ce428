<?php

/**
 * Languages the customer portal and the notification emails are translated into.
 * `code` is an ISO 639-1 language code.
 */

return [
    'default' => 'en',
    'available' => [
        ['code' => 'en', 'name' => 'English', 'rtl' => false],
        ['code' => 'de', 'name' => 'Deutsch', 'rtl' => false],
        ['code' => 'fr', 'name' => 'Français', 'rtl' => false],
        ['code' => 'es', 'name' => 'Español', 'rtl' => false],
        ['code' => 'ar', 'name' => 'العربية', 'rtl' => true],
        ['code' => 'he', 'name' => 'עברית', 'rtl' => true],
    ],
];
