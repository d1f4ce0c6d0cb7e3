import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { CASE_ROLES } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { DirectoryService } from './directory.service';
import {
  CREATE_DIRECTORY_EXAMPLE,
  CreateDirectoryEntryDto,
  ListDirectoryQuery,
  UpdateDirectoryEntryDto,
} from './dto/directory.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Запись справочника', 'id') });

/** Everyone signed in reads the directory (the forms offer its entries); only the administrator keeps it. */
const READERS = [...CASE_ROLES, 'admin'] as const;

@ApiTags('directory')
@Controller('api/directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({
    summary: 'Courts, penal institutions, police units, organisations of mediators, banks and towns, in kk and ru',
    description:
      'Filter by `kind`; `q` matches the beginnings of words of any name form in either language (Kazakh and Russian ' +
      'letters alike) or a code. Inactive entries only with includeInactive=true. Answer `{ items }`.',
  })
  @Allow(READERS)
  list(@Query() query: ListDirectoryQuery) {
    return this.directory.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One entry with every name form, address, codes and version' })
  @Allow(READERS)
  get(@Param('id', uuid) id: string) {
    return this.directory.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add an entry (administrator)' })
  @ApiBody({
    type: CreateDirectoryEntryDto,
    examples: { court: { summary: 'A district court', value: CREATE_DIRECTORY_EXAMPLE } },
  })
  @ApiCreatedResponse({ description: 'The entry with its id and version 1' })
  @Allow(['admin'])
  create(@Body() dto: CreateDirectoryEntryDto) {
    return this.directory.create(dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change an entry (administrator): the forms given, address, codes, region, active; expectedVersion required',
    description:
      'Cases refer to entries by id: a corrected name is printed in every document issued after the change. ' +
      'Deactivate (active: false) rather than delete: old cases still print the entry.',
  })
  @Allow(['admin'])
  update(@Param('id', uuid) id: string, @Body() dto: UpdateDirectoryEntryDto) {
    return this.directory.update(id, dto);
  }
}
