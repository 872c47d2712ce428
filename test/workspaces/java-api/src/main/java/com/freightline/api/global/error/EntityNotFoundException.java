package com.freightline.api.global.error;

/** A lookup by id found nothing; subclasses name the entity. */
public class EntityNotFoundException extends BusinessException {

    public EntityNotFoundException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }
}
