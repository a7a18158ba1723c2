// Without cloud support: handlebars and openai are runtime dependencies of this package.
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default configWithoutCloudSupport;
