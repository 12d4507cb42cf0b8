package org.solarmarket.deploy;

/**
 * One mismatch between a deployment file and the code.
 *
 * @param file    file the value was read from, relative to the repository root
 * @param subject the service, resource or document the value belongs to
 * @param message what does not match, with the value found and the value expected
 */
record Finding(String file, String subject, String message) {

    @Override
    public String toString() {
        return file + " [" + subject + "]: " + message;
    }
}
