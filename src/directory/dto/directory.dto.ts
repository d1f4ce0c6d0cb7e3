import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsBin, Nested } from '../../common/validation';
import { BIK_PATTERN, DIRECTORY_KINDS, REGIONS, type DirectoryKind, type Region } from '../directory-entry';

const NAME_MAX = 300;

/** A name form: text, not blank. */
function Form(required: boolean, example: string, description: string): PropertyDecorator {
  return (target, key) => {
    (required ? ApiProperty : ApiPropertyOptional)({ example, description })(target, key);
    if (!required) IsOptional()(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(NAME_MAX)(target, key);
  };
}

export class KkFormsDto {
  @Form(true, 'Өскемен қалалық соты', 'Атау септік (nominative)')
  nominative: string;

  @Form(
    false,
    'Өскемен қалалық сотының',
    'Ілік септік (genitive): «… сотының үкімімен»; required for courts, institutions, police units',
  )
  genitive?: string;

  @Form(false, 'Өскемен қалалық сотына', 'Барыс септік (dative)')
  dative?: string;

  @Form(false, 'Өскемен қалалық сотында', 'Жатыс септік (locative)')
  locative?: string;
}

export class RuFormsDto {
  @Form(true, 'Усть-Каменогорский городской суд', 'Именительный падеж')
  nominative: string;

  @Form(
    false,
    'Усть-Каменогорского городского суда',
    'Родительный падеж: «приговором … суда»; required for courts, institutions, police units',
  )
  genitive?: string;

  @Form(false, 'Усть-Каменогорским городским судом', 'Творительный падеж')
  instrumental?: string;

  @Form(false, 'Усть-Каменогорском городском суде', 'Предложный падеж: «в … суде»')
  prepositional?: string;
}

export class NamesDto {
  @Nested(() => KkFormsDto)
  kk: KkFormsDto;

  @Nested(() => RuFormsDto)
  ru: RuFormsDto;
}

export class KkFormsPatchDto {
  @Form(false, 'Өскемен қалалық соты', 'Атау септік')
  nominative?: string;
  @Form(false, 'Өскемен қалалық сотының', 'Ілік септік')
  genitive?: string;
  @Form(false, 'Өскемен қалалық сотына', 'Барыс септік')
  dative?: string;
  @Form(false, 'Өскемен қалалық сотында', 'Жатыс септік')
  locative?: string;
}

export class RuFormsPatchDto {
  @Form(false, 'Усть-Каменогорский городской суд', 'Именительный падеж')
  nominative?: string;
  @Form(false, 'Усть-Каменогорского городского суда', 'Родительный падеж')
  genitive?: string;
  @Form(false, 'Усть-Каменогорским городским судом', 'Творительный падеж')
  instrumental?: string;
  @Form(false, 'Усть-Каменогорском городском суде', 'Предложный падеж')
  prepositional?: string;
}

export class NamesPatchDto {
  @Nested(() => KkFormsPatchDto, { required: false })
  kk?: KkFormsPatchDto;

  @Nested(() => RuFormsPatchDto, { required: false })
  ru?: RuFormsPatchDto;
}

export class AddressDto {
  @Form(true, 'Өскемен қ., Мысал к-сі, 1', 'Address in Kazakh')
  kk: string;

  @Form(true, 'г. Усть-Каменогорск, ул. Примерная, 1', 'Address in Russian')
  ru: string;
}

export class CodesDto {
  @ApiPropertyOptional({ example: '940140000385', description: 'БИН (12 digits with a valid control digit)' })
  @IsOptional()
  @IsBin()
  bin?: string;

  @ApiPropertyOptional({ example: '6311', description: "The court's code" })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-zА-Яа-я./-]{1,20}$/, { message: 'Код суда — до 20 букв, цифр, точек, дефисов или дробей' })
  courtCode?: string;

  @ApiPropertyOptional({ example: 'HSBKKZKX', description: 'БИК (BIC) of a bank, 8 characters' })
  @IsOptional()
  @IsString()
  @Matches(BIK_PATTERN, { message: 'БИК — 8 знаков: 4 латинские буквы банка, KZ, 2 буквы или цифры (напр. HSBKKZKX)' })
  bik?: string;
}

export class CreateDirectoryEntryDto {
  @ApiProperty({ enum: DIRECTORY_KINDS, example: 'court' })
  @IsIn(DIRECTORY_KINDS)
  kind: DirectoryKind;

  @Nested(() => NamesDto)
  names: NamesDto;

  @Nested(() => AddressDto, { required: false })
  address?: AddressDto;

  @Nested(() => CodesDto, { required: false })
  codes?: CodesDto;

  @ApiPropertyOptional({ enum: REGIONS, example: 'east_kazakhstan' })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ example: 'Сверено с sud.gov.kz 01.12.2026', description: 'For administrators; never printed' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class UpdateDirectoryEntryDto {
  @ApiProperty({ example: 1, description: 'The version read: a stale version is a 409' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Nested(() => NamesPatchDto, { required: false, description: 'Only the forms given change' })
  names?: NamesPatchDto;

  @Nested(() => AddressDto, { required: false })
  address?: AddressDto;

  @Nested(() => CodesDto, { required: false, description: 'Replaces the codes' })
  codes?: CodesDto;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ description: 'false: no longer offered for new cases (old cases still print it)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListDirectoryQuery {
  @ApiPropertyOptional({ enum: DIRECTORY_KINDS })
  @IsOptional()
  @IsIn(DIRECTORY_KINDS)
  kind?: DirectoryKind;

  @ApiPropertyOptional({
    example: 'өскемен',
    description: 'Words any name form (kk or ru, Kazakh and Russian letters alike) or code begins with',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'true: inactive entries too' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}

export const CREATE_DIRECTORY_EXAMPLE = {
  kind: 'court',
  names: {
    kk: {
      nominative: 'Зайсан аудандық соты',
      genitive: 'Зайсан аудандық сотының',
    },
    ru: {
      nominative: 'Зайсанский районный суд',
      genitive: 'Зайсанского районного суда',
      instrumental: 'Зайсанским районным судом',
      prepositional: 'Зайсанском районном суде',
    },
  },
  region: 'east_kazakhstan',
  note: 'Сверить с sud.gov.kz',
} satisfies Partial<Record<keyof CreateDirectoryEntryDto, unknown>>;
