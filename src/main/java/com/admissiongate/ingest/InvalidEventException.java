package com.admissiongate.ingest;

/** An upload event that can never be processed: it goes to the DLQ with this message as the reason. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
