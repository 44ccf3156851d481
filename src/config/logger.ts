import pino, { type Logger } from 'pino';

/** JSON logs on stdout. Anything that looks like a secret is redacted even if a caller logs it by mistake. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'leadrelay' },
      redact: {
        paths: [
          '*.authorization',
          '*.token',
          '*.secret',
          '*.password',
          '*.uri',
          'headers',
          '*.headers',
          'config.MONGODB_URI',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
